// Command sdkgen writes the Node.js, Python and Go SDKs of a Pulumi package from its schema, with Pulumi's own
// code generators (pkg/v3/codegen at the CLI's version). It stands in for `pulumi package gen-sdk`, which at
// v3.259.0 asks each language host to generate (the GeneratePackage RPC) and so needs hosts these machines
// cannot build (shared/spec/pulumi-native-provider.md §5).
//
// Usage: sdkgen SCHEMA OUT [LANGUAGE...]
//
// It writes OUT/<language>/... for each language (nodejs, python and go by default) and prints nothing on
// success. OUT/<language> is written from scratch: the caller chooses whether OUT is the committed sdk/ or a
// temporary directory to compare with it.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// tool is the name the generated files credit in their "do not edit" headers.
const tool = "pulumi-trtc-relay sdkgen"

var generators = map[string]func(*schema.Package) (map[string][]byte, error){
	"nodejs": func(p *schema.Package) (map[string][]byte, error) {
		return nodejs.GeneratePackage(tool, p, nil, nil, false, nil)
	},
	"python": func(p *schema.Package) (map[string][]byte, error) {
		return python.GeneratePackage(tool, p, nil, nil)
	},
	"go": func(p *schema.Package) (map[string][]byte, error) {
		return gogen.GeneratePackage(tool, p, nil)
	},
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("usage: sdkgen SCHEMA OUT [nodejs|python|go ...]")
	}
	schemaPath, out, languages := args[0], args[1], args[2:]
	if len(languages) == 0 {
		languages = []string{"nodejs", "python", "go"}
	}
	for _, lang := range languages {
		if generators[lang] == nil {
			return fmt.Errorf("unknown language %q (this generator knows nodejs, python and go)", lang)
		}
	}
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	for _, lang := range languages {
		// Each generator records its language options in the bound package, so each gets a fresh binding.
		pkg, err := bind(schemaPath, raw)
		if err != nil {
			return err
		}
		files, err := generators[lang](pkg)
		if err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		if err := write(filepath.Join(out, lang), files); err != nil {
			return err
		}
	}
	return nil
}

func bind(schemaPath string, raw []byte) (*schema.Package, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	// The schema refers to no other package, so a loader that finds none suffices (a nil one panics).
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s: %s", schemaPath, diags.Error())
	}
	return pkg, nil
}

func write(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}
