/**
 * The practice and the patient demand it faces, and the simulation of one practice-year.
 *
 * <p>{@link org.payrisk.practice.PracticeModel} is the validated description (clinicians, capacity,
 * costs, arrivals of new episodes of care, case types, payer mix, cancellations);
 * {@link org.payrisk.practice.PracticeSimulator} turns one random stream into one
 * {@link org.payrisk.practice.PracticeYear}: episodes, their attended visits and billed units, month
 * by month, kept in reusable primitive arrays (no object per visit). Payment rules read that year;
 * this room knows nothing of payments, scenario files or engines.
 */
package org.payrisk.practice;
