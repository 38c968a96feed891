package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel
        extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {}
