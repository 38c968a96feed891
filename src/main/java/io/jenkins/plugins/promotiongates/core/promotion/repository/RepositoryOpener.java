package io.jenkins.plugins.promotiongates.core.promotion.repository;

/**
 * Opens an environment's repository, resolving its credentials, when a promotion is about to write.
 * {@code PromotionService} calls it only once every gate that needs no repository holds, so a refused
 * promotion or a dry run never looks a repository credential up.
 */
@FunctionalInterface
public interface RepositoryOpener {

    /** @throws RepositoryException naming the repository setting, the reason and the remedy */
    ArtifactRepository open() throws RepositoryException;
}
