/**
 * A read model of the stories for pages: {@link io.newsdelta.stories.view.StoryBook} applies
 * {@code newsdelta.stories} events to a bounded in-memory model (pure), {@link io.newsdelta.stories.view.StoryView}
 * keeps one up to date from the topic, and {@link io.newsdelta.stories.view.StoryPage} is what a page shows.
 */
package io.newsdelta.stories.view;
