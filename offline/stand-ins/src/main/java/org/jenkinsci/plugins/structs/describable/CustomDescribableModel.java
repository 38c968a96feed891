package org.jenkinsci.plugins.structs.describable;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;

public interface CustomDescribableModel {

    default @NonNull Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
        throw new UnsupportedOperationException();
    }
}
