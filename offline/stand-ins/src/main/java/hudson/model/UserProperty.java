package hudson.model;

import hudson.ExtensionPoint;

public abstract class UserProperty implements ExtensionPoint {}
