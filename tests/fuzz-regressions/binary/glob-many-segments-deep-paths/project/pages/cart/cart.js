Page({ data: { title: 'cart' } })
