package seed

// leaf is a bottom-level category with the vocabulary its products draw
// from: nouns for names, tags, and the price range in cents.
type leaf struct {
	name, description  string
	nouns              []string
	tags               []string
	minPrice, maxPrice int64
}

// branch is a second-level category.
type branch struct {
	name, description string
	leaves            []leaf
}

// department is a top-level category with its own brands and adjectives,
// so a drone is never made by a bedding brand.
type department struct {
	name, description string
	brands            []string
	adjectives        []string
	branches          []branch
}

// tree is the demo category tree (4 departments, 10 branches, 22 leaves).
var tree = []department{
	{"Electronics", "Gadgets, audio and computing.",
		[]string{"Helios", "Kestrel", "Orbit", "Voltra", "Northwind", "Quanta"},
		[]string{"Aero", "Nova", "Pro", "Pulse", "Echo", "Lumen", "Vector", "Max"}, []branch{
			{"Audio", "Sound for home and on the go.", []leaf{
				{"Headphones", "Over-ear and on-ear headphones.", []string{"Wireless Headphones", "Noise-Cancelling Headphones", "Studio Headphones", "Over-Ear Headphones"}, []string{"wireless", "bluetooth", "noise-cancelling", "studio", "foldable"}, 2999, 49999},
				{"Earbuds", "True wireless and wired earbuds.", []string{"Wireless Earbuds", "Sport Earbuds", "In-Ear Monitors"}, []string{"wireless", "bluetooth", "waterproof", "sport"}, 1999, 29999},
				{"Speakers", "Portable and smart speakers.", []string{"Bluetooth Speaker", "Smart Speaker", "Soundbar", "Bookshelf Speakers"}, []string{"wireless", "bluetooth", "smart-home", "waterproof"}, 2499, 89999},
			}},
			{"Computers", "Laptops, tablets and accessories.", []leaf{
				{"Laptops", "Notebooks for work and play.", []string{"Ultrabook", "Gaming Laptop", "Convertible Laptop", "Chromebook"}, []string{"portable", "gaming", "touchscreen", "lightweight"}, 29999, 299999},
				{"Keyboards", "Mechanical and wireless keyboards.", []string{"Mechanical Keyboard", "Wireless Keyboard", "Ergonomic Keyboard"}, []string{"wireless", "mechanical", "backlit", "ergonomic"}, 2999, 24999},
				{"Monitors", "Displays for every desk.", []string{"4K Monitor", "Curved Monitor", "Portable Monitor"}, []string{"4k", "hdr", "usb-c", "gaming"}, 12999, 149999},
			}},
			{"Cameras", "Capture every moment.", []leaf{
				{"Action Cameras", "Rugged cameras for adventure.", []string{"Action Camera", "360 Camera"}, []string{"waterproof", "4k", "stabilized"}, 9999, 59999},
				{"Drones", "Aerial photography.", []string{"Camera Drone", "Mini Drone", "FPV Drone"}, []string{"4k", "foldable", "gps"}, 4999, 199999},
			}},
		}},
	{"Home", "Everything for the home.",
		[]string{"Willow", "Hearth", "Granite", "Juniper", "Oakline", "Lumiere"},
		[]string{"Classic", "Essential", "Artisan", "Heritage", "Studio", "Nordic", "Everyday", "Signature"}, []branch{
			{"Kitchen", "Cook, brew and bake.", []leaf{
				{"Cookware", "Pots, pans and skillets.", []string{"Cast Iron Skillet", "Nonstick Frying Pan", "Stainless Stockpot", "Dutch Oven"}, []string{"induction", "dishwasher-safe", "nonstick", "oven-safe"}, 1999, 34999},
				{"Coffee", "Coffee makers and grinders.", []string{"Espresso Machine", "Burr Grinder", "Pour-Over Kettle", "French Press"}, []string{"programmable", "stainless", "barista", "compact"}, 1499, 129999},
				{"Appliances", "Small kitchen appliances.", []string{"Blender", "Air Fryer", "Stand Mixer", "Toaster"}, []string{"programmable", "compact", "dishwasher-safe"}, 2499, 59999},
			}},
			{"Furniture", "Tables, chairs and storage.", []leaf{
				{"Office Chairs", "Seating for long days.", []string{"Ergonomic Office Chair", "Mesh Desk Chair", "Gaming Chair"}, []string{"ergonomic", "adjustable", "lumbar-support"}, 8999, 89999},
				{"Desks", "Standing and writing desks.", []string{"Standing Desk", "Writing Desk", "Corner Desk"}, []string{"adjustable", "solid-wood", "compact"}, 12999, 99999},
			}},
			{"Bedding", "Sleep better.", []leaf{
				{"Pillows", "Pillows for every sleeper.", []string{"Memory Foam Pillow", "Down Pillow", "Cooling Pillow"}, []string{"hypoallergenic", "cooling", "organic"}, 1999, 14999},
				{"Sheets", "Sheets and duvet covers.", []string{"Linen Sheet Set", "Percale Sheets", "Duvet Cover"}, []string{"organic", "cotton", "linen"}, 3999, 29999},
			}},
		}},
	{"Apparel", "Clothing and footwear.",
		[]string{"Fieldstone", "Marlowe", "Bluefin", "Ember", "Tidewater", "Corvo"},
		[]string{"Urban", "Heritage", "Classic", "Weekend", "Coastal", "Metro", "Original", "Essential"}, []branch{
			{"Men", "Menswear.", []leaf{
				{"Men's Shoes", "Sneakers, boots and loafers.", []string{"Running Shoes", "Leather Boots", "Canvas Sneakers", "Loafers"}, []string{"running", "leather", "waterproof", "vegan"}, 3999, 24999},
				{"Men's Jackets", "Outerwear for every season.", []string{"Rain Jacket", "Down Jacket", "Denim Jacket"}, []string{"waterproof", "insulated", "packable"}, 4999, 39999},
			}},
			{"Women", "Womenswear.", []leaf{
				{"Women's Shoes", "Sneakers, flats and boots.", []string{"Trail Running Shoes", "Ankle Boots", "Ballet Flats"}, []string{"running", "leather", "waterproof", "vegan"}, 3999, 27999},
				{"Women's Dresses", "Dresses for every occasion.", []string{"Wrap Dress", "Linen Dress", "Maxi Dress"}, []string{"linen", "organic", "cotton"}, 2999, 19999},
			}},
		}},
	{"Outdoors", "Gear for the great outdoors.",
		[]string{"Summit", "Cascade", "Falcon", "Ridgeline", "Alpenglow", "Trailhead"},
		[]string{"Terra", "Alpine", "Trail", "Expedition", "Basecamp", "Ranger", "Atlas", "Zenith"}, []branch{
			{"Camping", "Sleep under the stars.", []leaf{
				{"Tents", "Backpacking and family tents.", []string{"Backpacking Tent", "Family Tent", "Ultralight Shelter"}, []string{"ultralight", "waterproof", "4-season"}, 7999, 69999},
				{"Sleeping Bags", "Bags and pads.", []string{"Down Sleeping Bag", "Sleeping Pad", "Camp Quilt"}, []string{"ultralight", "insulated", "packable"}, 3999, 49999},
			}},
			{"Cycling", "Bikes and accessories.", []leaf{
				{"Bike Accessories", "Lights, locks and more.", []string{"Bike Light", "U-Lock", "Bike Computer", "Helmet"}, []string{"rechargeable", "gps", "waterproof"}, 1499, 39999},
			}},
		}},
}

// qualities and closings make descriptions read like shop copy.
var qualities = []string{"built to last", "designed for everyday use", "made from recycled materials", "loved by reviewers", "engineered for comfort", "tested in the field", "finished with a minimalist design", "made to be repaired, not replaced"}

var closings = []string{"Ships in recyclable packaging.", "Backed by a two-year warranty.", "Free returns within 30 days.", "Care instructions included.", "Designed in-house, tested by our team."}
