/**
 * Fitting a scenario input's distribution to observed data: reading one column of a CSV file,
 * maximum-likelihood fits of every suitable payrisk family (counts, continuous amounts,
 * probabilities), their standard errors, ranking by AIC and a goodness-of-fit test for each.
 *
 * <p>Uses {@code dist} (the families and their samplers, for the parametric bootstrap) and nothing
 * above it; {@code report} draws the fit's chart and writes {@code fit.json}, {@code cli} runs
 * {@code payrisk fit}.
 */
package org.payrisk.fit;
