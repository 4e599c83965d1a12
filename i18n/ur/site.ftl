# Site-specific interface strings for the example portal; a key here overrides the theme's.
