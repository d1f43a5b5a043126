package graph

import "testing"

func TestMatchNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want NameMatch
	}{
		{"identical", "Sergey Lavrov", "Sergey Lavrov", SameName},
		{"ey/ei", "Sergey Lavrov", "Sergei Lavrov", SameName},
		{"Azerbaijani ə as a or e, doubled m", "Elmar Mammadyarov", "Elmar Mamedyarov", SameName},
		{"written with ə", "Elmar Məmmədyarov", "Elmar Mammadyarov", SameName},
		{"iy/i", "Ilham Aliyev", "Ilham Aliev", SameName},
		{"kh/h", "Mikhail Bogdanov", "Mihail Bogdanov", SameName},
		{"dzh/j", "Dzheikhun Bayramov", "Jeyhun Bayramov", SameName},
		{"sh/s and ç", "Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", SameName},
		{"German w, -ow", "Sergej Lawrow", "Sergey Lavrov", SameName},
		{"-off", "Pyotr Smirnoff", "Pyotr Smirnov", SameName},
		{"ye-", "Yevgeny Primakov", "Evgeny Primakov", SameName},
		{"a vowel more in a long given name", "Aleksandr Grushko", "Alexander Grushko", SameName},
		{"patronymic ignored", "Sergey Viktorovich Lavrov", "Sergey Lavrov", SameName},
		{"particle joins", "Adel al-Jubeir", "Adel Al Jubeir", SameName},
		{"case and punctuation", "SERGEY LAVROV", "sergey lavrov.", SameName},
		{"initial", "S. Lavrov", "Sergey Lavrov", InitialOnly},
		{"surname alone", "Lavrov", "Sergei Lavrov", SurnameOnly},
		{"same surname, another given name", "Ali Aliyev", "Ilham Aliyev", NamesDiffer},
		{"another initial", "I. Aliyev", "Ali Aliyev", NamesDiffer},
		{"female form is another surname", "Leyla Aliyeva", "Leyla Aliyev", NamesDiffer},
		{"short surnames need equality", "Yi Wang", "Yi Wong", NamesDiffer},
		{"two consonants differ", "Sergey Lavrov", "Sergey Larkov", NamesDiffer},
		{"other surname", "Sergey Lavrov", "Sergey Shoigu", NamesDiffer},
		{"empty", "", "Sergey Lavrov", NamesDiffer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MatchNames(tc.a, tc.b); got != tc.want {
				t.Errorf("MatchNames(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
			if got := MatchNames(tc.b, tc.a); got != tc.want {
				t.Errorf("MatchNames(%q, %q) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Elmar Mammadyarov", "Elmar Mamedyarov"},
		{"Sergey Lavrov", "Sergei Lavrov"},
		{"Ilham Aliyev", "Ilham Aliev"},
		{"S. Lavrov", "Lavrov"},
	} {
		ka, kb := NameKey(tc.a), NameKey(tc.b)
		if ka == "" || ka != kb {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal and not empty", tc.a, ka, tc.b, kb)
		}
	}
	if got := NameKey("Sergey Lavrov"); got != "lvrv" {
		t.Errorf(`NameKey("Sergey Lavrov") = %q, want "lvrv"`, got)
	}
	if got := NameKey(""); got != "" {
		t.Errorf(`NameKey("") = %q, want ""`, got)
	}
}

func TestTitlesAgree(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Foreign Minister", "Foreign Minister", true},
		{"Foreign Minister", "Minister of Foreign Affairs", true},
		{"Foreign Minister", "Minister", true},
		{"Foreign Minister", "", true},
		{"Spokeswoman", "Foreign Ministry spokesperson", true},
		{"Foreign Minister", "Deputy Foreign Minister", false},
		{"Prime Minister", "First Deputy Prime Minister", false},
		{"Foreign Minister", "President", false},
		{"Economy Minister", "Energy Minister", false},
	} {
		if got := TitlesAgree(tc.a, tc.b); got != tc.want {
			t.Errorf("TitlesAgree(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := TitlesAgree(tc.b, tc.a); got != tc.want {
			t.Errorf("TitlesAgree(%q, %q) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	lavrov := Entity{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov",
		Country: "RUS", Title: "Foreign Minister", Aliases: []string{"Lavrov"}}
	with := func(f func(*Entity)) Entity {
		e := lavrov
		e.ID = "person:other"
		f(&e)
		return e
	}
	for _, tc := range []struct {
		name string
		b    Entity
		want bool
	}{
		{"transliteration, same office and country", with(func(e *Entity) { e.Name = "Sergei Lavrov"; e.Aliases = nil }), true},
		{"no title on one side", with(func(e *Entity) { e.Name = "Sergei Lavrov"; e.Title = "" }), true},
		{"another country", with(func(e *Entity) { e.Name = "Sergei Lavrov"; e.Country = "BLR" }), false},
		{"country unknown", with(func(e *Entity) { e.Name = "Sergei Lavrov"; e.Country = "" }), false},
		{"another office", with(func(e *Entity) { e.Name = "Sergei Lavrov"; e.Title = "Deputy Foreign Minister" }), false},
		{"initial with both titles", with(func(e *Entity) { e.Name = "S. Lavrov"; e.Aliases = nil }), true},
		{"initial without a title", with(func(e *Entity) { e.Name = "S. Lavrov"; e.Aliases = nil; e.Title = "" }), false},
		{"another given name", with(func(e *Entity) { e.Name = "Ivan Lavrov"; e.Aliases = nil }), false},
		{"an organization", with(func(e *Entity) { e.Type = "Organization" }), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SamePerson(lavrov, tc.b); got != tc.want {
				t.Errorf("SamePerson(%+v, %+v) = %v, want %v", lavrov, tc.b, got, tc.want)
			}
			if got := SamePerson(tc.b, lavrov); got != tc.want {
				t.Errorf("SamePerson(%+v, %+v) = %v, want %v (not symmetric)", tc.b, lavrov, got, tc.want)
			}
		})
	}
}

func TestSameIDAgrees(t *testing.T) {
	aze := Entity{ID: "person:ali-aliyev", Type: "Person", Name: "Ali Aliyev", Country: "AZE"}
	rus, none := aze, aze
	rus.Country, none.Country = "RUS", ""
	if SameIDAgrees(aze, rus) {
		t.Errorf("SameIDAgrees(AZE, RUS) = true: two Ali Aliyevs of two countries are two people")
	}
	if !SameIDAgrees(aze, none) || !SameIDAgrees(none, aze) || !SameIDAgrees(aze, aze) {
		t.Errorf("SameIDAgrees = false for an unknown or the same country")
	}
	if got, want := QualifiedPersonID(rus), "person:ali-aliyev.rus"; got != want {
		t.Errorf("QualifiedPersonID = %q, want %q", got, want)
	}
}

func TestPickPerson(t *testing.T) {
	in := Entity{ID: "person:sergei-lavrov", Type: "Person", Name: "Sergei Lavrov", Country: "RUS", Title: "Foreign Minister"}
	stored := Entity{ID: "person:sergey-lavrov", Type: "Person", Name: "Sergey Lavrov", Country: "RUS", Title: "Foreign Minister"}
	aliyevAZE := Entity{ID: "person:ali-aliyev", Type: "Person", Name: "Ali Aliyev", Country: "AZE", Title: "Economy Minister"}
	aliyevRUS := aliyevAZE
	aliyevRUS.Country, aliyevRUS.Title = "RUS", "Energy Minister"
	aliyevRUSStored := aliyevRUS
	aliyevRUSStored.ID = "person:ali-aliyev.rus"
	for _, tc := range []struct {
		name        string
		in          Entity
		same        *Entity
		cands       []Entity
		anchored    []string
		want        string
		wantRenamed bool
	}{
		{"new", in, nil, nil, nil, in.ID, false},
		{"a variant of a stored person", in, nil, []Entity{stored}, nil, stored.ID, true},
		{"its own id stored", in, &in, []Entity{stored}, nil, in.ID, false},
		{"the best of two", in, nil, []Entity{
			{ID: "person:a", Type: "Person", Name: "S. Lavrov", Country: "RUS", Title: "Foreign Minister"},
			{ID: "person:z", Type: "Person", Name: "Sergey Lavrov", Country: "RUS"},
		}, nil, "person:z", true},
		{"its id taken by someone of another country", aliyevRUS, &aliyevAZE, nil, nil, "person:ali-aliyev.rus", true},
		{"its id taken, its qualified id stored", aliyevRUS, &aliyevAZE, []Entity{aliyevRUSStored}, nil, "person:ali-aliyev.rus", true},
		{"another person of the same surname", Entity{ID: "person:ilham-aliyev", Type: "Person", Name: "Ilham Aliyev", Country: "AZE"},
			nil, []Entity{aliyevAZE}, nil, "person:ilham-aliyev", false},
		{"filed before under another id, its own id stored since", in, &in, []Entity{stored},
			[]string{stored.ID}, stored.ID, true},
		{"filed before under its own id", in, &in, []Entity{stored},
			[]string{stored.ID, in.ID}, in.ID, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id, renamed := PickPerson(tc.in, tc.same, tc.cands, tc.anchored)
			if id != tc.want || renamed != tc.wantRenamed {
				t.Errorf("PickPerson = %q, %v; want %q, %v", id, renamed, tc.want, tc.wantRenamed)
			}
		})
	}
}
