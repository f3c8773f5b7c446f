package it.soglia.startup;

import it.soglia.account.SearchKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 12.1: the search keys of the accounts that exist when V12 creates their table. In Java because the keys
 * are computed by {@link SearchKeys}, which no SQL shared by H2 and PostgreSQL can do. Later accounts get theirs
 * from {@link it.soglia.account.Account}.
 */
public class FillAccountSearchKeys implements JavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12.1");
    }

    @Override
    public String getDescription() {
        return "fill account search keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement accounts = connection.createStatement();
             ResultSet rows = accounts.executeQuery("select id, search_text from account");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into account_search_key (account_id, search_key) values (?, ?)")) {
            int pending = 0;
            while (rows.next()) {
                for (long key : SearchKeys.of(rows.getString(2))) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setLong(2, key);
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
