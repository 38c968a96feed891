package hudson.security;

import jenkins.model.IdStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

public abstract class SecurityRealm {

    public IdStrategy getUserIdStrategy() {
        throw new UnsupportedOperationException();
    }

    public IdStrategy getGroupIdStrategy() {
        throw new UnsupportedOperationException();
    }

    public UserDetails loadUserByUsername2(String username) throws UsernameNotFoundException {
        throw new UnsupportedOperationException();
    }
}
