package it.soglia.housekeeping;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;

/**
 * A bounded delete: the ids of at most {@code max} rows matching a condition, then a delete of those ids that states
 * the condition again. The bound keeps a first run on a big table from holding its locks for long. The repeated
 * condition makes it safe: a row changed in between (a throttle series counted again, a mail sent again) no longer
 * matches and stays, and a row another node deleted first is simply not counted. JPQL throughout, so the
 * entities' converters write the times, on H2 and PostgreSQL alike.
 */
public final class BatchDelete {

    private BatchDelete() {
    }

    /**
     * @param entity    the entity's name, also its alias {@code e} in {@code condition}: {@code "OutboxMessage"}
     * @param idField   its id attribute: {@code "id"}
     * @param condition JPQL on {@code e}: {@code "e.status = :sent"}
     * @return how many rows this call deleted
     */
    public static int delete(EntityManager em, String entity, String idField, String condition,
                             Map<String, Object> parameters, int max) {
        Query select = em.createQuery("select e." + idField + " from " + entity + " e where " + condition);
        parameters.forEach(select::setParameter);
        List<?> ids = select.setMaxResults(max).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        Query delete = em.createQuery("delete from " + entity + " e where e." + idField + " in :ids and ("
                + condition + ")");
        parameters.forEach(delete::setParameter);
        return delete.setParameter("ids", ids).executeUpdate();
    }
}
