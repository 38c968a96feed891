package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

public abstract class ACL {

    public static final String SYSTEM_USERNAME = "SYSTEM";

    public static final Authentication SYSTEM2 = null;

    public static boolean isAnonymous2(@NonNull Authentication authentication) {
        throw new UnsupportedOperationException();
    }

    public static ACLContext as2(@NonNull Authentication auth) {
        throw new UnsupportedOperationException();
    }
}
