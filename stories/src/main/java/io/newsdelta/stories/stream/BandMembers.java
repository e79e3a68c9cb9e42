package io.newsdelta.stories.stream;

import java.util.List;

/**
 * The members of one LSH band key, newest last, at most {@link BandProcessor#MAX_MEMBERS}.
 *
 * @param members the articles whose signature has this band key
 */
record BandMembers(List<Member> members) {
  BandMembers {
    members = members == null ? List.of() : List.copyOf(members);
  }
}
