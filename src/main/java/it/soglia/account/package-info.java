/**
 * Accounts: who may sign in, with which password (Argon2id) and role. {@link it.soglia.account.AccountService}
 * is the transaction boundary for everything that reads or changes an account outside its second factor.
 */
package it.soglia.account;
