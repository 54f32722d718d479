"""Taking photos with the laptop's or tablet's camera, straight onto the item on screen."""
