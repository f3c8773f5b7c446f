package it.soglia.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StableIdsTest {

    /** AD stores {01020304-0506-0708-090a-0b0c0d0e0f10} with its first three fields byte-swapped. */
    private static final byte[] GUID = HexFormat.of().parseHex("0403020106050807090a0b0c0d0e0f10");

    @Test
    void objectGuidReadsAsTheUuidActiveDirectoryShows() {
        assertThat(StableIds.of(new Attribute("objectGUID", GUID))).isEqualTo("01020304-0506-0708-090a-0b0c0d0e0f10");
    }

    @Test
    void theUuidTurnsBackIntoTheSameBytesToSearchForIt() {
        assertThat(StableIds.uuidToGuid(UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10"))).isEqualTo(GUID);
        UUID random = UUID.randomUUID();
        assertThat(StableIds.guidToUuid(StableIds.uuidToGuid(random))).isEqualTo(random);
    }

    @Test
    void entryUuidIsKeptAsText() {
        assertThat(StableIds.of(new Attribute("entryUUID", "5c1f0b52-1d2e-103f-8a4c-0d7b1e3f4a5b")))
                .isEqualTo("5c1f0b52-1d2e-103f-8a4c-0d7b1e3f4a5b");
    }
}
