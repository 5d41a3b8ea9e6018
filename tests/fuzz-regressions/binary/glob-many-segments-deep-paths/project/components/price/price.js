Component({ properties: { value: Number } })
