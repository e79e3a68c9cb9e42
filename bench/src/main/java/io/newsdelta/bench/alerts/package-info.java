/** Load runs of alert delivery: many loopback endpoints, one dead, on a real broker. */
package io.newsdelta.bench.alerts;
