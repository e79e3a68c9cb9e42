package io.newsdelta.notifier.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The jte templates, compiled to classes at build time (jte-maven-plugin), in HTML mode: every {@code ${…}}
 * is escaped for where it stands (text, attribute, URL), so no page is assembled from strings.
 */
final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders a template whose one parameter is {@code page}. */
  String page(String template, Object page) {
    StringOutput out = new StringOutput();
    engine.render(template, page, out);
    return out.toString();
  }

  /** Renders a template with named parameters. */
  String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }
}
