package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.File;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {

    public static final Permission ADMINISTER = null;

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    @Override
    public String getFullName() {
        throw new UnsupportedOperationException();
    }

    public @Nullable String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type)
            throws AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    public SecurityRealm getSecurityRealm() {
        throw new UnsupportedOperationException();
    }

    public static @NonNull Authentication getAuthentication2() {
        throw new UnsupportedOperationException();
    }
}
