package io.newsdelta.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a suite run did and what the pipeline made of it. It matches when every edit became exactly one
 * version and one change, version numbers run 1, 2, 3 … without gaps or repeats, no change was announced
 * that no edit caused (a re-rendered sidebar, say), and every change reached the webhook (counted once per
 * change id, as a receiver de-duplicates).
 *
 * @param articles articles on the site
 * @param edits real edits the editor made
 * @param versions version records on the topic
 * @param changes change records on the topic
 * @param notified distinct change ids the webhook received
 * @param deliveries webhook deliveries accepted, duplicates included (at-least-once allows them)
 * @param lostEdits edits with no version
 * @param repeatedVersions version numbers written more than once for one article
 * @param unexpectedVersions version numbers beyond the edits made (a non-edit announced, or a skipped number)
 * @param missingChanges edits with no change event
 * @param repeatedChanges changes announced more than once for the same version
 * @param unexpectedChanges changes no edit caused
 * @param missingNotifications changes on the topic the webhook never received
 * @param stackTraceLines lines of stack traces in the services' logs (expected failures are one line each)
 * @param healthyCheckGapP95Seconds 95th percentile of the gaps between two checks of one healthy article,
 *     beside the hostile feeds (the configured gap is 1 s)
 * @param faults the faults injected, in order
 * @param problems one line per mismatch, naming the article
 */
record Ledger(
    int articles,
    int edits,
    int versions,
    int changes,
    int notified,
    int deliveries,
    int lostEdits,
    int repeatedVersions,
    int unexpectedVersions,
    int missingChanges,
    int repeatedChanges,
    int unexpectedChanges,
    int missingNotifications,
    int stackTraceLines,
    double healthyCheckGapP95Seconds,
    List<String> faults,
    List<String> problems) {

  boolean matches() {
    return problems.isEmpty();
  }

  /** Compares the edits made with what the topics and the webhook hold. */
  static Ledger of(EditedSite site, TopicWatch topics, Receiver receiver, int stackTraceLines, List<String> faults) {
    int edits = 0;
    int versions = 0;
    int changes = 0;
    int lost = 0;
    int repeated = 0;
    int unexpected = 0;
    int missingChanges = 0;
    int repeatedChanges = 0;
    int unexpectedChanges = 0;
    Set<String> topicChangeIds = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < site.size(); i++) {
      String url = site.articleUrl(i);
      int made = site.article(i).edits();
      edits += made;
      List<Integer> seen = topics.versionsOf(url);
      versions += seen.size();
      for (int v = 1; v <= made + 1; v++) {
        int n = count(seen, v);
        if (n == 0) {
          lost++;
          problems.add(url + ": version " + v + " never written (edit lost)");
        } else if (n > 1) {
          repeated += n - 1;
          problems.add(url + ": version " + v + " written " + n + " times");
        }
      }
      for (int v : new HashSet<>(seen)) {
        if (v < 1 || v > made + 1) {
          unexpected++;
          problems.add(url + ": version " + v + " written, but only " + made + " edits were made");
        }
      }
      List<TopicWatch.Change> announced = topics.changesOf(url);
      changes += announced.size();
      announced.forEach(c -> topicChangeIds.add(c.changeId()));
      for (int v = 2; v <= made + 1; v++) {
        final int to = v;
        long n = announced.stream().filter(c -> c.toVersion() == to).count();
        if (n == 0) {
          missingChanges++;
          problems.add(url + ": no change announced for version " + v);
        } else if (n > 1) {
          repeatedChanges += (int) n - 1;
          problems.add(url + ": version " + v + " announced " + n + " times");
        }
      }
      for (TopicWatch.Change c : announced) {
        if (c.toVersion() > made + 1 || c.toVersion() < 2) {
          unexpectedChanges++;
          problems.add(url + ": change to version " + c.toVersion() + " announced without an edit");
        }
      }
    }
    Map<String, ?> received = receiver.changes();
    int missingNotifications = 0;
    for (String id : topicChangeIds) {
      if (!received.containsKey(id)) {
        missingNotifications++;
        problems.add("change " + id + " is on the topic but never reached the webhook");
      }
    }
    for (String id : received.keySet()) {
      if (!topicChangeIds.contains(id)) {
        problems.add("the webhook received change " + id + ", which is not on the changes topic");
      }
    }
    return new Ledger(site.size(), edits, versions, changes, received.size(), receiver.deliveries(), lost, repeated,
        unexpected, missingChanges, repeatedChanges, unexpectedChanges, missingNotifications, stackTraceLines,
        checkGapP95(site), List.copyOf(faults), List.copyOf(problems));
  }

  private static double checkGapP95(EditedSite site) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 0; i < site.size(); i++) {
      List<java.time.Instant> checks = site.checksOf(i);
      for (int k = 1; k < checks.size(); k++) {
        gaps.add(java.time.Duration.between(checks.get(k - 1), checks.get(k)).toMillis());
      }
    }
    if (gaps.isEmpty()) {
      return 0;
    }
    java.util.Collections.sort(gaps);
    return gaps.get((int) Math.min(gaps.size() - 1, Math.ceil(gaps.size() * 0.95) - 1)) / 1000.0;
  }

  private static int count(List<Integer> list, int value) {
    return (int) list.stream().filter(v -> v == value).count();
  }
}
