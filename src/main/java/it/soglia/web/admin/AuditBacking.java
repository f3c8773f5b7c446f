package it.soglia.web.admin;

import it.soglia.audit.AuditEvent;
import it.soglia.audit.AuditQueries;
import it.soglia.audit.AuditType;
import it.soglia.web.Messages;
import it.soglia.web.StepUpBacking;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** {@code /admin/audit}: the audit trail, newest first, by account and by type of event. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditQueries queries;

    @Inject
    it.soglia.account.AccountService accounts;

    @Inject
    StepUpBacking stepUp;

    @Inject
    it.soglia.web.DisplayTime time;

    @Inject
    AuditLabels labels;

    private final LazyDataModel<AuditEvent> events = new Events();
    private String account;
    private AuditType type;

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public AuditType[] getTypes() {
        return AuditType.values();
    }

    /**
     * The events the table shows now (its filters), as CSV, newest first. Like every admin action it needs a recent
     * sign-in or the password again: the file carries who signed in from where.
     */
    public void exportCsv() {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            return;
        }
        AuditQueries.Filter current = filter();
        CsvDownload.<AuditEvent>send(Messages.text("csv.audit.file"), List.of(Messages.text("csv.audit.occurred-at",
                        time.zoneName()), Messages.text("csv.audit.type"), Messages.text("csv.audit.actor"),
                        Messages.text("csv.audit.subject"), Messages.text("csv.audit.ip"),
                        Messages.text("csv.audit.user-agent"), Messages.text("csv.audit.detail")),
                CsvDownload.after(last -> queries.newestAfter(current, last, CsvDownload.PAGE)),
                e -> List.of(time.forFiles(e.getOccurredAt()), labels.type(e.getType()),
                        UsersBacking.nz(e.getActor()), UsersBacking.nz(e.getSubject()),
                        UsersBacking.nz(e.getIp()), UsersBacking.nz(e.getUserAgent()),
                        labels.detail(e.getDetail())));
    }

    /** The account as typed, in any case, becomes its stored username (events name it that way). */
    private AuditQueries.Filter filter() {
        String subject = account == null || account.isBlank() ? null
                : accounts.findByUsername(account).map(a -> a.getUsername()).orElse(account.strip());
        return new AuditQueries.Filter(subject, type);
    }

    private final class Events extends LazyDataModel<AuditEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(filter()));
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            boolean oldestFirst = sortBy.values().stream().anyMatch(s -> s.getOrder() == SortOrder.ASCENDING);
            return queries.page(filter(), first, pageSize, oldestFirst);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return String.valueOf(event.getId());
        }
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public AuditType getType() {
        return type;
    }

    public void setType(AuditType type) {
        this.type = type;
    }
}
