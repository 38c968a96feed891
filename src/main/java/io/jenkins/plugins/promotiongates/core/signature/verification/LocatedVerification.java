package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.signature.Verification;
import java.io.Serializable;

/**
 * A verdict with the signature file it was reached with, which {@link SignatureLocator} may have
 * chosen: what the agent sends back to the controller for the log and the audit.
 *
 * @param signature the signature file, relative to the workspace
 * @param verification the verdict
 */
public record LocatedVerification(String signature, Verification verification) implements Serializable {}
