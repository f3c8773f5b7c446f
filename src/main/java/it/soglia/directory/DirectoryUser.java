package it.soglia.directory;

/**
 * A person as the directory describes them: where they are ({@code dn}), their stable id (which survives a rename),
 * their username, name and email (null when the directory has none).
 */
public record DirectoryUser(String dn, String stableId, String username, String displayName, String email) {
}
