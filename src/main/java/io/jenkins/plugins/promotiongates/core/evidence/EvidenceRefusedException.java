package io.jenkins.plugins.promotiongates.core.evidence;

/**
 * An evidence file that cannot be believed or read: not one of the release's files, not the bytes the
 * release recorded, too large, too deeply nested, of the wrong format or version, or holding a DTD. The
 * message names the file and the reason; {@link #remedy()} says what to do instead.
 */
public final class EvidenceRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String remedy;

    /**
     * @param message the file and why it is refused, such as {@code the SBOM 'bom.json' is not JSON: ...}
     * @param remedy what would make it acceptable
     */
    public EvidenceRefusedException(String message, String remedy) {
        super(message);
        this.remedy = remedy;
    }

    /** What would make the file acceptable. */
    public String remedy() {
        return remedy;
    }
}
