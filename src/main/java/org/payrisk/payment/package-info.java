/**
 * Payment models: how a simulated practice-year turns into monthly revenue.
 *
 * <p>A {@link org.payrisk.payment.PaymentModel} maps every payer to one
 * {@link org.payrisk.payment.PaymentRule} (one contract: fee-for-service in its simple or Medicare
 * fee schedule form, capitation with churn, risk corridor and stop-loss, a prospective bundle or an
 * episode program with reconciliation). A rule draws its uncertain terms from streams keyed by what each
 * term is (its field and the payers the contract covers, {@link org.payrisk.payment.RandomInputs}),
 * never by the rule's position, and records them ({@link org.payrisk.payment.DrawnInput}); then reads the {@link org.payrisk.practice.PracticeYear} and adds dollars to a
 * month-indexed revenue array; lump sums paid later go to {@link org.payrisk.payment.Settlements}.
 * Around each rule, {@link org.payrisk.payment.RuleTerms} add value-based
 * {@link org.payrisk.payment.Overlay}s and a payment lag; {@link org.payrisk.payment.CashTerms} say
 * how the bank balance is followed. This room knows the practice-year it is paid for, never the
 * engine or the scenario file. Rules in plain words: docs/payment-rules.md.
 */
package org.payrisk.payment;
