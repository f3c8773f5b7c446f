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
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Account> select = cb.createQuery(Account.class);
        Root<Account> account = select.from(Account.class);
        var order = sort == null ? account.get("usernameKey") : account.get(sort.attribute);
        select.where(conditions(cb, account, query))
                .orderBy(ascending ? cb.asc(order) : cb.desc(order), cb.asc(account.get("id")));
        return em.createQuery(select).setFirstResult(first).setMaxResults(Math.min(size, 200)).getResultList();
    }

    private Predicate[] conditions(CriteriaBuilder cb, Root<Account> account, AccountQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            where.add(cb.or(
                    cb.like(account.get("usernameKey"), like, '\\'),
                    cb.like(cb.lower(account.get("displayName")), like, '\\'),
                    cb.like(cb.lower(account.get("email")), like, '\\')));
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

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
