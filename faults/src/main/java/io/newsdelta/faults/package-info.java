/**
 * The fault suite: runs the broker and the three services as separate processes, edits a simulated site
 * while killing and restarting them, and ends with a ledger that must match exactly — every edit one
 * version, one change and (after de-duplication by change id) one notification; no version skipped or
 * repeated. {@link io.newsdelta.faults.FaultSuite} is the command; {@code FaultSuiteIT} runs a short suite in
 * the build.
 */
package io.newsdelta.faults;
