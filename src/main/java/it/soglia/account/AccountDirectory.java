package it.soglia.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admins' search over accounts: filtering, sorting and paging happen in the database, so a page costs the
 * same with ten accounts or a hundred thousand.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AccountDirectory {

    /** Up to this many hits the page is chosen among the hits' ids (an IN list every database handles well). */
    static final int FEW_HITS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The accounts matching a query: how many, and, when they are few, which (their ids). Knowing the few hits' ids,
     * the page needs no second search.
     *
     * @param fewIds the ids of all matches when there are at most {@link #FEW_HITS}, else {@code null}
     */
    public record Matches(AccountQuery query, long count, List<Long> fewIds) implements java.io.Serializable {
    }

    public Matches match(AccountQuery query) {
        if (hasText(query)) {
            List<Long> ids = matchingIds(query, FEW_HITS + 1);
            if (ids.size() <= FEW_HITS) {
                return new Matches(query, ids.size(), List.copyOf(ids));
            }
        }
        return new Matches(query, count(query), null);
    }

    public long count(AccountQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Account> account = count.from(Account.class);
        count.select(readsSearchIndex(query) ? cb.countDistinct(account) : cb.count(account))
                .where(conditions(cb, account, query));
        return em.createQuery(count).getSingleResult();
    }

    public List<Account> page(AccountQuery query, int first, int size, AccountQuery.SortField sort, boolean ascending) {
        return page(match(query), first, size, sort, ascending);
    }

    /**
     * One page of the matches. Few hits: chosen among their ids by primary key. Many: in the sort order's index,
     * which soon has a page of hits (walking that index for few hits would read every row).
     */
    public List<Account> page(Matches matches, int first, int size, AccountQuery.SortField sort, boolean ascending) {
        int pageSize = Math.min(size, 200);
        if (matches.fewIds() != null) {
            return matches.fewIds().isEmpty() ? List.of()
                    : orderedPage(null, matches.fewIds(), sort, ascending, first, pageSize);
        }
        return orderedPage(matches.query(), null, sort, ascending, first, pageSize);
    }

    private List<Long> matchingIds(AccountQuery query, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<Account> account = ids.from(Account.class);
        ids.select(account.get("id")).distinct(readsSearchIndex(query)).where(conditions(cb, account, query));
        return em.createQuery(ids).setMaxResults(limit).getResultList();
    }

    /** One page in the chosen order, of the accounts matching {@code query} or of those with one of {@code ids}. */
    private List<Account> orderedPage(AccountQuery query, List<Long> ids, AccountQuery.SortField sort, boolean ascending,
                                      int first, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Account> select = cb.createQuery(Account.class);
        Root<Account> account = select.from(Account.class);
        var order = sort == null ? account.get("usernameKey") : account.get(sort.attribute);
        select.distinct(ids == null && readsSearchIndex(query))
                .where(ids == null ? conditions(cb, account, query) : new Predicate[] {account.get("id").in(ids)})
                .orderBy(ascending ? cb.asc(order) : cb.desc(order), cb.asc(account.get("id")));
        return em.createQuery(select).setFirstResult(first).setMaxResults(size).getResultList();
    }

    private Predicate[] conditions(CriteriaBuilder cb, Root<Account> account, AccountQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (hasText(query)) {
            String text = searchedText(query);
            SearchKeys.rangeFor(text).ifPresent(range -> {
                // Only the accounts with a key in the range can contain the text: an index range, not every row.
                Join<Account, Long> key = account.join("searchKeys");
                where.add(cb.between(key, range.low(), range.high()));
            });
            // The exact test, on those accounts (or on all, for a text too short for the index).
            where.add(cb.like(account.get("searchText"), "%" + escapeLike(text) + "%", '\\'));
        }
        if (query.role() != null) {
            where.add(cb.equal(account.get("role"), query.role()));
        }
        if (query.twoFactorState() != null) {
            where.add(cb.equal(account.get("twoFactorState"), query.twoFactorState()));
        }
        if (Boolean.TRUE.equals(query.lockedOnly())) {
            where.add(cb.greaterThan(account.get("codeLockedUntil"), clock.instant()));
        }
        if (query.enabled() != null) {
            where.add(cb.equal(account.get("enabled"), query.enabled()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static boolean hasText(AccountQuery query) {
        return query.text() != null && !query.text().isBlank();
    }

    /** Lower-cased as {@link Account#searchTextOf} is. */
    private static String searchedText(AccountQuery query) {
        return query.text().strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the query joins the search keys: an account can have several keys in one range ("Rosa Rossi" has two
     * for "ros"), so its selects need DISTINCT; the others do not, and must not pay for it.
     */
    private static boolean readsSearchIndex(AccountQuery query) {
        return hasText(query) && SearchKeys.rangeFor(searchedText(query)).isPresent();
    }

    /** Wildcards typed in the search are plain characters. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
