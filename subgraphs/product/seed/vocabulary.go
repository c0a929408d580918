package seed

// tree is the demo category tree: top-level departments, their categories
// and leaf categories, each leaf with the nouns, tags and price range its
// products draw from. Prices are in cents.
type leaf struct {
	name, description  string
	nouns              []string
	tags               []string
	minPrice, maxPrice int64
}

type branch struct {
	name, description string
	leaves            []leaf
}

type department struct {
	name, description string
	branches          []branch
}

var tree = []department{
	{"Electronics", "Gadgets, audio and computing.", []branch{
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
	{"Home", "Everything for the home.", []branch{
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
	{"Apparel", "Clothing and footwear.", []branch{
		{"Men", "Menswear.", []leaf{
			{"Men's Shoes", "Sneakers, boots and loafers.", []string{"Running Shoes", "Leather Boots", "Canvas Sneakers", "Loafers"}, []string{"running", "leather", "waterproof", "vegan"}, 3999, 24999},
			{"Men's Jackets", "Outerwear for every season.", []string{"Rain Jacket", "Down Jacket", "Denim Jacket"}, []string{"waterproof", "insulated", "packable"}, 4999, 39999},
		}},
		{"Women", "Womenswear.", []leaf{
			{"Women's Shoes", "Sneakers, flats and boots.", []string{"Trail Running Shoes", "Ankle Boots", "Ballet Flats"}, []string{"running", "leather", "waterproof", "vegan"}, 3999, 27999},
			{"Women's Dresses", "Dresses for every occasion.", []string{"Wrap Dress", "Linen Dress", "Maxi Dress"}, []string{"linen", "organic", "cotton"}, 2999, 19999},
		}},
	}},
	{"Outdoors", "Gear for the great outdoors.", []branch{
		{"Camping", "Sleep under the stars.", []leaf{
			{"Tents", "Backpacking and family tents.", []string{"Backpacking Tent", "Family Tent", "Ultralight Shelter"}, []string{"ultralight", "waterproof", "4-season"}, 7999, 69999},
			{"Sleeping Bags", "Bags and pads.", []string{"Down Sleeping Bag", "Sleeping Pad", "Camp Quilt"}, []string{"ultralight", "insulated", "packable"}, 3999, 49999},
		}},
		{"Cycling", "Bikes and accessories.", []leaf{
			{"Bike Accessories", "Lights, locks and more.", []string{"Bike Light", "U-Lock", "Bike Computer", "Helmet"}, []string{"rechargeable", "gps", "waterproof"}, 1499, 39999},
		}},
	}},
}

var adjectives = []string{"Aero", "Nova", "Pro", "Classic", "Ultra", "Essential", "Vista", "Prime", "Urban", "Summit", "Pulse", "Terra", "Lumen", "Echo", "Atlas", "Zen"}

var brands = []string{"Northwind", "Acme", "Helios", "Kestrel", "Bluefin", "Orbit", "Granite", "Willow", "Falcon", "Cascade", "Ember", "Juniper"}

var qualities = []string{"built to last", "designed for everyday use", "with a two-year warranty", "made from recycled materials", "loved by reviewers", "engineered for comfort", "tested in the field", "with a minimalist design"}
