package io.jenkins.plugins.promotiongates.core.sink;

/** A validated sink: what it is called, how much it queues, and how it reaches its receiver. */
public sealed interface SinkSettings permits SyslogSettings, HttpSettings {

    SinkBasics basics();

    /** The transport to the receiver, with the given patience. */
    Transport transport(DeliveryPolicy policy);
}
