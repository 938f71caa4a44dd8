/**
 * Payment models: how a simulated practice-year turns into monthly revenue.
 *
 * <p>A {@link org.payrisk.payment.PaymentModel} maps every payer to one
 * {@link org.payrisk.payment.PaymentRule} (one contract: fee-for-service, capitation, bundled
 * episode payment). A rule draws its uncertain terms once per trial from its own random stream, then
 * reads the {@link org.payrisk.practice.PracticeYear} and adds dollars to a month-indexed revenue
 * array. This room knows the practice-year it is paid for, never the engine or the scenario file.
 */
package org.payrisk.payment;
