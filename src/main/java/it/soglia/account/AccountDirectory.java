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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The admins' search over accounts: filtering, sorting and paging happen in the database, so a page costs the
 * same with ten accounts or a hundred thousand.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AccountDirectory {

    /** Up to this many hits the page is chosen among the hits' ids (an IN list every database handles well). */
    static final int FEW_HITS = 500;

    /**
     * Up to this many accounts in the search index's key range, those are the candidates, checked by primary key;
     * more (a common piece of text such as "ari"), and the search reads every account as before, which costs less.
     */
    static final int MAX_CANDIDATES = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The accounts matching a query: how many, and, when known, which (their ids). Knowing the hits' ids, the page
     * needs no second search.
     *
     * @param ids the ids of all matches when there are at most {@link #FEW_HITS}, else {@code null}
     */
    public record Matches(AccountQuery query, long count, List<Long> ids) implements java.io.Serializable {
    }

    /**
     * A text with a word of {@link SearchKeys#MIN_LENGTH} or more characters is looked up in the search index, then
     * checked on the few accounts found (BENCHMARKS.md, the search, fourth round). Any other text reads every
     * account, once: the ids of up to {@link #FEW_HITS} hits, or, with more, a count.
     */
    public Matches match(AccountQuery query) {
        if (hasText(query)) {
            Optional<Set<Long>> candidates = candidates(SearchKeys.rangesFor(searchedText(query)));
            if (candidates.isPresent()) {
                List<Long> hits = candidates.get().isEmpty() ? List.of() : matchingIds(query, candidates.get());
                // Many hits: the page walks the sort order's index, where they are dense (a long IN list is not).
                return new Matches(query, hits.size(), hits.size() <= FEW_HITS ? List.copyOf(hits) : null);
            }
            List<Long> ids = matchingIds(query, FEW_HITS + 1);
            if (ids.size() <= FEW_HITS) {
                return new Matches(query, ids.size(), List.copyOf(ids));
            }
        }
        return new Matches(query, count(query), null);
    }

    /**
     * The accounts with a key in every range that holds at most {@link #MAX_CANDIDATES} ("stefano.galli.50007":
     * "stefano" is in too many accounts, "galli" and "50007" are not); empty when every range holds more.
     */
    private Optional<Set<Long>> candidates(List<SearchKeys.Range> ranges) {
        Set<Long> candidates = null;
        for (SearchKeys.Range range : ranges) {
            Optional<Set<Long>> inRange = candidates(range);
            if (inRange.isPresent()) {
                if (candidates == null) {
                    candidates = new LinkedHashSet<>(inRange.get());
                } else {
                    candidates.retainAll(inRange.get());
                }
            }
            if (candidates != null && candidates.isEmpty()) {
                break; // no account has them all: nothing more to read
            }
        }
        return Optional.ofNullable(candidates);
    }

    /**
     * The accounts with a key in the range, if there are at most {@link #MAX_CANDIDATES}. A separate query, not a
     * join or {@code IN (subquery)} in the search: H2 read every account first for the join, and re-ran the subquery
     * for each hit (OPTIMIZE_REUSE_RESULTS off), 2.4 s for "rossi". Not DISTINCT, so the read stops at the limit.
     */
    private Optional<Set<Long>> candidates(SearchKeys.Range range) {
        List<Long> rows = em.createQuery("select k.accountId from AccountSearchKey k"
                        + " where k.searchKey between :low and :high", Long.class)
                .setParameter("low", range.low()).setParameter("high", range.high())
                .setMaxResults(MAX_CANDIDATES + 1).getResultList();
        return rows.size() > MAX_CANDIDATES ? Optional.empty() : Optional.of(new LinkedHashSet<>(rows));
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
        if (matches.ids() != null) {
            return matches.ids().isEmpty() ? List.of()
                    : orderedPage(null, matches.ids(), sort, ascending, first, pageSize);
        }
        return orderedPage(matches.query(), null, sort, ascending, first, pageSize);
    }

    /**
     * The ids of the matches in username order, for an export that then reads them {@link #inOrder} a page at a
     * time: one read of the (username_key, id) index, however many pages follow, where an OFFSET per page reads
     * again every row before it. Not a seek per page ({@code username_key > last}): for that H2 2.2 picks the unique
     * username index, which it does not read in order, and sorts every account after the last one for each page
     * (90 ms a page at 30,000 accounts, BENCHMARKS.md). A hundred thousand ids take about 2 MB for the export's time.
     */
    public List<Long> idsByUsername(Matches matches) {
        if (matches.ids() != null && matches.ids().isEmpty()) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> select = cb.createQuery(Long.class);
        Root<Account> account = select.from(Account.class);
        select.select(account.get("id"))
                .where(matches.ids() != null ? new Predicate[] {account.get("id").in(matches.ids())}
                        : conditions(cb, account, matches.query()))
                .orderBy(cb.asc(account.get("usernameKey")), cb.asc(account.get("id")));
        return em.createQuery(select).getResultList();
    }

    /** The accounts with these ids (a page of {@link #idsByUsername}), in the same order; deleted ones left out. */
    public List<Account> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> byId = new HashMap<>();
        em.createQuery("select a from Account a where a.id in :ids", Account.class).setParameter("ids", ids)
                .getResultStream().forEach(a -> byId.put(a.getId(), a));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<Long> matchingIds(AccountQuery query, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<Account> account = ids.from(Account.class);
        ids.select(account.get("id")).where(conditions(cb, account, query));
        return em.createQuery(ids).setMaxResults(limit).getResultList();
    }

    /** Which of the candidates match: looked up by primary key, each checked with the LIKE and the filters. */
    private List<Long> matchingIds(AccountQuery query, Set<Long> candidates) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<Account> account = ids.from(Account.class);
        List<Predicate> where = new ArrayList<>(List.of(conditions(cb, account, query)));
        where.add(account.get("id").in(candidates));
        ids.select(account.get("id")).where(where.toArray(Predicate[]::new));
        return em.createQuery(ids).getResultList();
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
            // The exact test: on the index's candidates, or on every account for a text the index cannot narrow.
            String like = "%" + escapeLike(searchedText(query)) + "%";
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

    /** Lower-cased as {@link Account#searchTextOf} is. */
    private static String searchedText(AccountQuery query) {
        return query.text().strip().toLowerCase(Locale.ROOT);
    }

    /** Wildcards typed in the search are plain characters. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
