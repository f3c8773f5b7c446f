/**
 * Directory passwords: people of the company directory (OpenLDAP, Active Directory) sign in to Soglia with their
 * directory password ({@code soglia.ldap.*}, README "Connect your directory"). {@link
 * it.soglia.directory.DirectoryPasswordStore} is the second identity store behind {@code PasswordCheck}; {@link
 * it.soglia.directory.DirectoryPasswords} searches as the service account and binds as the user ({@link
 * it.soglia.directory.LdapDirectory}, UnboundID LDAP SDK); {@link it.soglia.directory.DirectoryAccounts} keeps the
 * Soglia account of each directory user (found by the directory's stable id); {@link
 * it.soglia.directory.DirectorySessions} ends the sessions of users the directory disabled or removed. The second
 * factor, recovery codes, resets and audit stay in Soglia's database.
 */
package it.soglia.directory;
