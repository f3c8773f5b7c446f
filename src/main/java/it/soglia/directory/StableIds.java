package it.soglia.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * The directory's stable id of a person as Soglia stores it. OpenLDAP's {@code entryUUID} is text already; Active
 * Directory's {@code objectGUID} is 16 bytes, the first three fields little-endian: stored as the UUID AD's own tools
 * show ({@code Get-ADUser} prints the same), and turned back into bytes to search for it.
 */
final class StableIds {

    private StableIds() {
    }

    static boolean isBinary(String attribute) {
        return "objectGUID".equalsIgnoreCase(attribute);
    }

    /** The stored form of the id; null when the entry has none. */
    static String of(Attribute attribute) {
        if (attribute == null || !attribute.hasValue()) {
            return null;
        }
        if (isBinary(attribute.getName())) {
            byte[] bytes = attribute.getValueByteArray();
            return bytes.length == 16 ? guidToUuid(bytes).toString() : null;
        }
        return attribute.getValue();
    }

    /** The filter that finds the entry holding {@code id} in {@code attribute}. */
    static Filter filterFor(String attribute, String id) {
        if (isBinary(attribute)) {
            return Filter.createEqualityFilter(attribute, uuidToGuid(UUID.fromString(id)));
        }
        return Filter.createEqualityFilter(attribute, id);
    }

    static UUID guidToUuid(byte[] guid) {
        ByteBuffer little = ByteBuffer.wrap(guid).order(ByteOrder.LITTLE_ENDIAN);
        long high = ((long) little.getInt(0) << 32) | ((little.getShort(4) & 0xFFFFL) << 16)
                | (little.getShort(6) & 0xFFFFL);
        long low = ByteBuffer.wrap(guid, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(high, low);
    }

    static byte[] uuidToGuid(UUID uuid) {
        long high = uuid.getMostSignificantBits();
        ByteBuffer guid = ByteBuffer.allocate(16);
        guid.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32)).putShort((short) (high >>> 16))
                .putShort((short) high);
        guid.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return guid.array();
    }
}
