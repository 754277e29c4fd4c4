"""Tools beside the meeting: the contact plan, the contact model setting and its poster."""
