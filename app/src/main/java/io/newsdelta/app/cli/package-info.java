/** The picocli commands. Standard output carries only results (events, extractions); logs go to standard error. */
package io.newsdelta.app.cli;
