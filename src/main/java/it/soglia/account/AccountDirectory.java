package it.soglia.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
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
     * The accounts matching a query: how many, and, when they are few, which (their ids). A contains-search
     * matches no index, so it reads the whole table once; knowing the few hits' ids, the page needs no second read.
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
        count.select(cb.count(account)).where(conditions(cb, account, query));
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
        ids.select(account.get("id")).where(conditions(cb, account, query));
        return em.createQuery(ids).setMaxResults(limit).getResultList();
    }

    /** One page in the chosen order, of the accounts matching {@code query} or of those with one of {@code ids}. */
    private List<Account> orderedPage(AccountQuery query, List<Long> ids, AccountQuery.SortField sort, boolean ascending,
                                      int first, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Account> select = cb.createQuery(Account.class);
        Root<Account> account = select.from(Account.class);
        var order = sort == null ? account.get("usernameKey") : account.get(sort.attribute);
        select.where(ids == null ? conditions(cb, account, query) : new Predicate[] {account.get("id").in(ids)})
                .orderBy(ascending ? cb.asc(order) : cb.desc(order), cb.asc(account.get("id")));
        return em.createQuery(select).setFirstResult(first).setMaxResults(size).getResultList();
    }

    private Predicate[] conditions(CriteriaBuilder cb, Root<Account> account, AccountQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (hasText(query)) {
            // LIKE rather than LOCATE: on H2 the LIKE scan measured faster (BENCHMARKS.md, the search, third round).
            String like = "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            where.add(cb.like(account.get("searchText"), like, '\\'));
        }
        if (query.role() != null) {
            where.add(cb.equal(account.get("role"), query.role()));
        }
        if (query.twoFactorState() != null) {
            where.add(cb.equal(account.get("twoFactorState"), query.twoFactorState()));
        }
        if (Boolean.TRUE.equals(query.lockedOnly())) {
            where.add(cb.or(cb.greaterThan(account.get("codeLockedUntil"), clock.instant()),
                    cb.isTrue(account.get("codeLockedForGood"))));
        }
        if (query.enabled() != null) {
            where.add(cb.equal(account.get("enabled"), query.enabled()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static boolean hasText(AccountQuery query) {
        return query.text() != null && !query.text().isBlank();
    }

    /** Wildcards typed in the search are plain characters. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
