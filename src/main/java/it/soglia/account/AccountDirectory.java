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

    public long count(AccountQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Account> account = count.from(Account.class);
        count.select(cb.count(account)).where(conditions(cb, account, query));
        return em.createQuery(count).getSingleResult();
    }

    public List<Account> page(AccountQuery query, int first, int size, AccountQuery.SortField sort, boolean ascending) {
        int pageSize = Math.min(size, 200);
        if (hasText(query)) {
            // A contains-search matches no index. Walking the sort order until a page of hits is found costs a read
            // of every row when the hits are few; then one unordered pass for their ids is cheaper, and the page is
            // picked among those ids by primary key. Many hits: the walk stops early, so walk (BENCHMARKS.md).
            List<Long> fewIds = matchingIds(query, FEW_HITS + 1);
            if (fewIds.size() <= FEW_HITS) {
                return fewIds.isEmpty() ? List.of() : orderedPage(null, fewIds, sort, ascending, first, pageSize);
            }
        }
        return orderedPage(query, null, sort, ascending, first, pageSize);
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

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
