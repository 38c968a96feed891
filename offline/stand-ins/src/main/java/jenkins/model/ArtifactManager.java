package jenkins.model;

import jenkins.util.VirtualFile;

public abstract class ArtifactManager {

    public abstract VirtualFile root();
}
