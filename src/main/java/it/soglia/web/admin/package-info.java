/** Backing beans of the administrators' pages under {@code /admin/} (role ADMIN, enforced in web.xml and by the EJBs). */
package it.soglia.web.admin;
