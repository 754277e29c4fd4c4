"""Cards on the big screen: the full-screen card, its countdown and the laptop's control panel."""
