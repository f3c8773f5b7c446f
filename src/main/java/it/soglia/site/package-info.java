/**
 * How Soglia presents itself to people, whatever page or mail they read: the time zone of the times shown and whom to
 * ask for help. A leaf: it depends on no other package of Soglia.
 */
package it.soglia.site;
