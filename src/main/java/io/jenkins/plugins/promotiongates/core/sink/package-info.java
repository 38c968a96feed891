/**
 * Copies of the ledger outside the controller: every ledger entry and signed checkpoint is queued on
 * disk for each configured sink (syslog over TCP or TLS, HTTP JSON lines) and delivered in ledger
 * order by a background sender, so that an auditor holds a copy an administrator of the controller
 * cannot rewrite. Recording never waits for a sink: the ledger is written first, the queue is only a
 * copy of it, and whatever the queue cannot hold is read again from the ledger later.
 */
package io.jenkins.plugins.promotiongates.core.sink;
