/**
 * Backing beans, one per page, named after it ({@code login.xhtml} ↔ {@code LoginBacking}); sub-packages mirror
 * sub-folders of the pages. They hold what the page shows and hand what the user typed to the services; the
 * wording of every message is in the {@code it.soglia.i18n.messages} bundles. Every text field of every page goes
 * through {@link it.soglia.web.TypedTextConverter} first (trimmed; refused when longer than its {@code maxlength}).
 */
package it.soglia.web;
