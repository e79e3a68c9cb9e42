package io.newsdelta.bench.site;

import java.util.SplittableRandom;

/** The parts of a news page around the story: scripts, styles, menus, inline framework state. */
final class Chrome {
  private Chrome() {}

  /** A stylesheet and minified-looking inline scripts, about {@code bytes} long, closing the head. */
  static String scripts(SplittableRandom r, int bytes) {
    StringBuilder b = new StringBuilder(bytes + 512);
    b.append("<style>");
    while (b.length() < bytes / 5) {
      String c = Words.identifier(r);
      b.append('.').append(c).append("{margin:").append(r.nextInt(24)).append("px ").append(r.nextInt(24))
          .append("px;color:#").append(Integer.toHexString(0x100000 + r.nextInt(0xEFFFFF)))
          .append(";font-size:").append(12 + r.nextInt(12)).append("px}");
    }
    b.append("</style>\n<script>(function(){\"use strict\";");
    while (b.length() < bytes) {
      String f = Words.identifier(r);
      String x = Words.identifier(r);
      b.append("function ").append(f).append('(').append(x).append(",e){var t=").append(x)
          .append(".length|0,n=").append(r.nextInt(1 << 16)).append(";for(var i=0;i<t;i++){n=(n*31+")
          .append(x).append(".charCodeAt(i))>>>0}return e?n.toString(").append(16 + r.nextInt(20))
          .append("):n}window.").append(f).append('=').append(f).append(';');
    }
    b.append("})();</script></head>\n<body class=\"news article\">\n");
    return b.toString();
  }

  /** The site header with its navigation menu. */
  static String nav(SplittableRandom r) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">Bench News</a><nav><ul>");
    String[] sections = {"News", "World", "Business", "Politics", "Technology", "Science", "Health",
        "Education", "Sport", "Culture", "Travel", "Weather"};
    for (String s : sections) {
      b.append("<li><a href=\"/").append(s.toLowerCase()).append("\">").append(s).append("</a><ul>");
      for (int i = 0; i < 6; i++) {
        String w = Words.identifier(r);
        b.append("<li><a href=\"/").append(s.toLowerCase()).append('/').append(w).append("\">")
            .append(s).append(' ').append(w).append("</a></li>");
      }
      b.append("</ul></li>");
    }
    b.append("</ul></nav></header>\n");
    return b.toString();
  }

  /** The footer and a framework's inline JSON state (related stories, tracking config), about {@code bytes} long. */
  static String tail(SplittableRandom r, int bytes) {
    StringBuilder b = new StringBuilder(bytes + 512);
    b.append("<footer class=\"site-footer\"><p>Copyright 2026 Bench News. All rights reserved.</p>")
        .append("<ul><li><a href=\"/terms\">Terms of use</a></li><li><a href=\"/privacy\">Privacy</a></li>")
        .append("<li><a href=\"/cookies\">Cookies</a></li><li><a href=\"/contact\">Contact us</a></li></ul></footer>\n")
        .append("<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"related\":[");
    boolean first = true;
    while (b.length() < bytes) {
      if (!first) {
        b.append(',');
      }
      first = false;
      b.append("{\"id\":\"").append(Long.toHexString(r.nextLong())).append("\",\"headline\":\"")
          .append(Words.headline(r)).append("\",\"section\":\"").append(Words.identifier(r))
          .append("\",\"image\":{\"src\":\"/img/").append(Words.identifier(r)).append(".jpg\",\"width\":")
          .append(320 + r.nextInt(960)).append(",\"height\":").append(180 + r.nextInt(540))
          .append("},\"tracking\":{\"pos\":").append(r.nextInt(100)).append(",\"variant\":\"")
          .append(Words.identifier(r)).append("\"}}");
    }
    b.append("]},\"buildId\":\"").append(Long.toHexString(r.nextLong())).append("\"}}</script>\n</body></html>\n");
    return b.toString();
  }
}
