/**
 * Probability distributions of a scenario's uncertain inputs and their samplers.
 *
 * <p>A {@link org.payrisk.dist.Distribution} is an immutable, validated description (parameters,
 * theoretical mean and variance, support); {@link org.payrisk.dist.Distribution#createSampler}
 * binds it to a caller-supplied {@link org.apache.commons.rng.UniformRandomProvider}, following
 * the Commons Statistics split between a distribution and its sampler. All sampling algorithms are
 * Commons RNG samplers. This room knows nothing of scenarios, practices or payments.
 */
package org.payrisk.dist;
