package io.jenkins.plugins.promotiongates.core.json;

import java.io.IOException;

/**
 * Input that is not JSON in the form the engine accepts: not valid UTF-8 or JSON, duplicate keys,
 * data after the value, not an object. The message names the input (file and byte offset, or field),
 * the reason and what would fix it. Formats built on this JSON (the audit ledger, bundles,
 * attestations) refine it with their own subclasses, so that one {@code catch} of this type catches
 * every refusal of a document.
 */
public class JsonFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public JsonFormatException(String input, String reason, String remedy) {
        super(input + ": " + reason + (remedy.isEmpty() ? "" : ". " + remedy));
    }
}
