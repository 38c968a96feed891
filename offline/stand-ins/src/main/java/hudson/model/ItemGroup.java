package hudson.model;

import jenkins.model.FullyNamed;

public interface ItemGroup<T extends Item> extends FullyNamed {}
