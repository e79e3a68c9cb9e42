package io.newsdelta.bench.site;

/**
 * A snapshot of {@link SiteCounters}.
 *
 * @param articleRequests        article page requests, 304s included
 * @param articleNotModified     of which answered 304
 * @param feedRequests           feed requests, 304s included
 * @param feedNotModified        of which answered 304
 * @param bytesSent              response body bytes sent
 * @param hostsSeen              hosts that got at least one request
 * @param maxConcurrencyAnyHost  the most requests one host had in flight at once
 * @param medianHostMaxConcurrency the median over hosts of each host's maximum in flight
 * @param minGapMillisAnyHost    the shortest gap between two request starts on one host (-1: never two)
 * @param medianHostMinGapMillis the median over hosts of each host's shortest gap
 */
public record SiteStats(long articleRequests, long articleNotModified, long feedRequests, long feedNotModified,
    long bytesSent, int hostsSeen, int maxConcurrencyAnyHost, int medianHostMaxConcurrency,
    double minGapMillisAnyHost, double medianHostMinGapMillis) {}
