package it.soglia.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.soglia.config.SogliaJdbcDataSource.Database;
import org.junit.jupiter.api.Test;

class SogliaJdbcDataSourceTest {

    @Test
    void theUrlChoosesTheDatabase() {
        assertThat(SogliaJdbcDataSource.databaseOf("jdbc:postgresql://db.example.com:5432/soglia"))
                .isEqualTo(Database.POSTGRESQL);
        assertThat(SogliaJdbcDataSource.databaseOf(" jdbc:h2:file:/var/lib/soglia/soglia ")).isEqualTo(Database.H2);
    }

    @Test
    void anotherUrlStopsTheDeploymentNamingTheKeyWithoutItsPassword() {
        assertThatThrownBy(() -> SogliaJdbcDataSource.databaseOf("jdbc:mysql://db/soglia?user=s&password=secret"))
                .hasMessageContaining("soglia.db.url").hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SogliaJdbcDataSource.databaseOf("")).hasMessageContaining("soglia.db.url")
                .hasMessageContaining("(empty)");
        assertThatThrownBy(() -> SogliaJdbcDataSource.databaseOf(null)).hasMessageContaining("soglia.db.url");
    }
}
